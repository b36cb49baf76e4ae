import type { WorkbookFileReader } from '../port/api';
import { lazyAddinApi } from './lazyAddinApi';
import { mountPane } from './mount';
import { paneText } from './strings';

// The composition root, the one file of src/taskpane that knows the adapters: it builds the
// Office.js AddinApi, gives it the .xlsx reader for "compare with a file" (a lazy chunk,
// fetched only when someone picks a file) and hands the pane the AddinApi interface. The
// adapter (and the engine it plans with) is a chunk of its own, fetched on the pane's first
// call (loading the settings, right after the first paint): what the page loads before it
// can paint is React, Fluent and the views.
const readFile: WorkbookFileReader = async (data, fileName) => (await import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/read')).readGrids(data, fileName);

const api = lazyAddinApi(
  async () => (await import(/* webpackChunkName: "excel" */ '../excel/addinApi')).createExcelAddinApi({ readFile }),
  (e) => ({ code: 'unexpected', message: paneText.adapterLoadFailed(e instanceof Error ? e.message : String(e)), action: paneText.adapterLoadFailedAction }),
);

function start(): void {
  mountPane(document, api);
}

// Office is undefined when the page is opened outside Office (a plain browser, a test
// harness that injects its double later): mount anyway rather than leave the skeleton up
// forever; the AddinApi reports any call it cannot make as a message.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => start());
} else {
  start();
}
