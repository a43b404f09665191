import { createStore, useStore } from 'zustand';

/** Whether the export dialog is open: view state only, so it stays out of the undoable app store. */
export const exportDialogStore = createStore<{ readonly open: boolean }>(() => ({ open: false }));

export const useExportDialogOpen = (): boolean => useStore(exportDialogStore, (s) => s.open);
export const openExportDialog = () => exportDialogStore.setState({ open: true });
export const closeExportDialog = () => exportDialogStore.setState({ open: false });
