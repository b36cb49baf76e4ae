import { createExcelAddinApi } from '../excel/addinApi';
import { mountPane } from './mount';

// The one file of src/taskpane that knows about Excel: it builds the Office.js AddinApi
// and hands it to the pane, which only ever sees the AddinApi interface.
function start(): void {
  mountPane(document, createExcelAddinApi());
}

// Office is undefined when the page is opened outside Office (a plain browser, a test
// harness that injects its double later): mount anyway rather than leave the skeleton up
// forever; the AddinApi reports any call it cannot make as a message.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => start());
} else {
  start();
}
