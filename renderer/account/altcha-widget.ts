/**
 * The ALTCHA widget, set up for our pages: importing this defines <altcha-widget>, with its
 * proof of work solved in the page and its label in our words. <asc-captcha> loads it when it is
 * first needed, so the portal's other pages do not carry it.
 *
 * It is the widget's "external" build: the default one puts a <style> in the page and starts its
 * workers from blob: URLs, both of which our CSP (style-src 'self'; script-src 'self') refuses.
 * Its style sheet is adopted by <asc-captcha> instead (widgetStyles), and comes with the widget
 * rather than with every page that might show one.
 */
import 'altcha/external';
import altchaCss from 'altcha/altcha.css' with { type: 'text' };
import { unsafeCSS } from 'lit';
import { pbkdf2, solveChallenge, type Solution } from 'altcha/lib';

const ALGORITHM = 'PBKDF2/SHA-256';

/**
 * The widget's solver, in the page rather than in a Web Worker. The external build brings no
 * worker of its own, and a worker file would have to come from the page's own origin (a worker
 * from another origin, as when the components are embedded in a council's site, is refused). It
 * loses nothing: the work is PBKDF2 in WebCrypto, which the browser runs off the main thread, so
 * the page stays responsive, and several solvers at once share the cores as workers would (measured
 * in Chromium: as fast as workers). It speaks the worker protocol the widget uses: postMessage
 * `work` or `abort`, and one message back with the solution, null, or `{ error }`.
 */
class InPageSolver extends EventTarget {
  private controller?: AbortController;

  postMessage(message: { type: 'work' | 'abort' } & Record<string, unknown>): void {
    if (message.type === 'abort') {
      this.controller?.abort();
      return;
    }
    const controller = (this.controller = new AbortController());
    const { challenge, counterMode, counterStart, counterStep, timeout } = message as unknown as Parameters<
      typeof solveChallenge
    >[0];
    solveChallenge({
      challenge,
      counterMode,
      counterStart,
      counterStep,
      timeout,
      controller,
      deriveKey: pbkdf2.deriveKey,
    }).then(
      (solution: Solution | null) => this.reply(solution),
      (error: unknown) => this.reply({ error: String(error) }),
    );
  }

  terminate(): void {
    this.controller?.abort();
  }

  private reply(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const altcha = globalThis.$altcha;
// Unless the page has registered its own solver for the algorithm (a worker, say).
if (!altcha.algorithms.has(ALGORITHM)) altcha.algorithms.set(ALGORITHM, () => new InPageSolver() as unknown as Worker);
altcha.i18n.set('en', { ...altcha.i18n.get('en'), label: 'I am not a robot' });

/** The widget's style sheet, its custom properties declared on the host: a shadow root has no :root. */
export const widgetStyles = unsafeCSS(altchaCss.replaceAll(':root', ':host'));
