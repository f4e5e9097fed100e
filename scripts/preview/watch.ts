/**
 * Watches the author's forms folder (node's fs.watch, the folders of every form included) and
 * calls back once the saving has settled: an editor's save is often several events (a temporary
 * file written, then renamed), and several files may be saved at once.
 */
import { watch, type FSWatcher } from 'node:fs';

/** How long the folder must be quiet before the change is taken. */
export const SETTLE_MS = 150;

export function watchForms(formsDir: string, changed: () => Promise<void>): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = () => {
    if (running) {
      again = true; // saved again while the last change was being built: take it after
      return;
    }
    running = changed()
      .catch((error: unknown) => console.error('The preview could not take the change:', error))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const watcher: FSWatcher = watch(formsDir, { recursive: true }, (_event, file) => {
    if (file && !/\.json$/.test(file) && file.includes('.')) return; // an editor's swap or backup file
    clearTimeout(timer);
    timer = setTimeout(run, SETTLE_MS);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
