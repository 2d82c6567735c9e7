/**
 * Admin pages are laid out like the rep pages: one level-one heading per page (each page is a
 * document of its own to a screen reader) and titled sections reachable as regions.
 */
export { Page as AdminPage, Section as AdminSection } from '../ui/Page';
