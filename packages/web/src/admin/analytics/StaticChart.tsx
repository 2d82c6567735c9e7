import type { ReactNode } from 'react';

/**
 * A Fluent chart as a picture: one labelled image to assistive technology, the numbers in the table
 * that follows it. The chart's own keyboard navigation is switched off (`inert`) because Tabster's
 * focus-redirecting dummy elements (`<i tabindex=0 aria-hidden>`) are focusable inside aria-hidden
 * content, which axe reports as aria-hidden-focus (microsoft/tabster#288); the table says the same
 * thing to everyone, exactly.
 */
export function StaticChart(props: { label: string; className?: string; children: ReactNode }) {
  return (
    <div
      role="img"
      aria-label={`${props.label}: chart. The table after it has the same numbers.`}
      className={props.className}
    >
      <div inert>{props.children}</div>
    </div>
  );
}
