/**
 * Word between the portal's tabs in one browser that someone signed in or out in one of them.
 * The tabs share the session cookie, so what each shows must follow: a tab still showing one
 * person's answers after they signed out elsewhere, or after someone else signed in, is how a
 * shared computer leaks them. Nothing is stored; the message says only what changed.
 */
export type AccountChange = 'signed-in' | 'signed-out';

export interface AccountChannel {
  tell(change: AccountChange): void;
  close(): void;
}

export function openAccountChannel(onChange: (change: AccountChange) => void): AccountChannel {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('asc-forms-account') : undefined;
  channel?.addEventListener('message', (event: MessageEvent<AccountChange>) => onChange(event.data));
  return {
    tell: (change) => channel?.postMessage(change),
    close: () => channel?.close(),
  };
}
