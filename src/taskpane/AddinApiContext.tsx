import { createContext, useContext } from 'react';
import type { AddinApi } from '../port/api';

/** The workbook operations, provided once by <App>; components never touch `Excel`. */
export const AddinApiContext = createContext<AddinApi | null>(null);

/** The AddinApi of the nearest <App>; a component outside one is a programming error. */
export function useAddinApi(): AddinApi {
  const api = useContext(AddinApiContext);
  if (api === null) {
    throw new Error('useAddinApi must be used inside <App>, which provides the AddinApi');
  }
  return api;
}
