import { createExcelAddinApi } from '../excel/addinApi';
import type { WorkbookFileReader } from '../port/api';
import { mountPane } from './mount';

// The composition root, the one file of src/taskpane that knows the adapters: it builds the
// Office.js AddinApi, gives it the .xlsx reader for "compare with a file" (a lazy chunk,
// fetched only when someone picks a file) and hands the pane the AddinApi interface.
const readFile: WorkbookFileReader = async (data, fileName) => (await import('../xlsx/read')).readGrids(data, fileName);

function start(): void {
  mountPane(document, createExcelAddinApi({ readFile }));
}

// Office is undefined when the page is opened outside Office (a plain browser, a test
// harness that injects its double later): mount anyway rather than leave the skeleton up
// forever; the AddinApi reports any call it cannot make as a message.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => start());
} else {
  start();
}
