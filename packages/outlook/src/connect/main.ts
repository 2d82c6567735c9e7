import { type DialogPageOffice, runConnectPage } from './connectPage';

/** Entry of connect.html: office.js (from the CDN) must be ready before the dialog API is used. */
async function start() {
  const office = (window as unknown as { Office?: typeof Office }).Office;
  if (!office) return; // opened outside an Office dialog: there is no one to take an address from
  await office.onReady();
  runConnectPage(office as unknown as DialogPageOffice, (url) => location.assign(url));
}

start();
