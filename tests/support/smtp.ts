/** A real SMTP server on a local port, keeping every message it receives, parsed. */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const waiting: Array<() => void> = [];
  const takenBy = new Map<string, number>();
  // While down, the server turns every connection away, as a mail server that is off or overloaded does.
  let down = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (!down) return callback();
      const refusal = Object.assign(new Error('Service not available, try again later'), { responseCode: 421 });
      callback(refusal);
    },
    // Connections already open (a client's pool) are turned away too, at their next message.
    onMailFrom(_address, _session, callback) {
      if (!down) return callback();
      const refusal = Object.assign(new Error('Service not available, try again later'), { responseCode: 421 });
      callback(refusal);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail: ParsedMail) => {
        const to = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
        received.push({
          to: to ?? '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
        });
        for (const wake of waiting.splice(0)) wake();
        callback();
      }, callback);
    },
  });
  // A client gone mid-conversation (a portal process killed, a pooled connection dropped) is a
  // mail server's everyday life, not a reason for the test run to stop: smtp-server reports it
  // as an 'error' event, which unheard would end the process.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    received,
    /** The next message to this address not yet taken (waiting for it to arrive if need be). */
    async nextTo(address: string, timeoutMs = 5000): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs;
      const taken = takenBy.get(address) ?? 0;
      while (Date.now() < deadline) {
        const mine = received.filter((m) => m.to.includes(address));
        if (mine.length > taken) {
          takenBy.set(address, taken + 1);
          return mine[taken]!;
        }
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      throw new Error(`No email reached ${address} within ${timeoutMs} ms`);
    },
    /** How many messages this address has received so far. */
    countTo: (address: string) => received.filter((m) => m.to.includes(address)).length,
    /** Turns connections away (true) or takes them again (false). */
    setDown: (value: boolean) => {
      down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A mail server's address that either passes each connection on to a real one, or, once
 * silenced, drops the connections it was passing on (a client's pool) and takes each new one
 * without ever saying a word, as a mail server that has hung does. Speaking again drops the
 * connections it held silent.
 */
export async function startSilenceableMailServer(real: { url: string }) {
  const realPort = Number(new URL(real.url).port);
  const held = new Set<Socket>();
  const passing = new Set<Socket>();
  let silent = false;
  const server = createServer((socket) => {
    if (silent) {
      // Whatever the client sends is read and ignored; it counts as held until the client hangs up.
      held.add(socket);
      socket.on('error', () => {});
      socket.once('end', () => held.delete(socket));
      socket.once('close', () => held.delete(socket));
      socket.resume();
      return;
    }
    const upstream = connect(realPort, '127.0.0.1');
    passing.add(socket);
    socket.once('close', () => {
      passing.delete(socket);
      upstream.destroy();
    });
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    /** How many connections it holds silent that the client has not given up on. */
    held: () => held.size,
    silence: () => {
      silent = true;
      for (const socket of passing) socket.destroy();
    },
    speak: () => {
      silent = false;
      for (const socket of held) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of [...held, ...passing]) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The 6-digit code in an email, as "123 456". */
export function codeIn(mail: ReceivedMail): string {
  const match = /\b(\d{3}) (\d{3})\b/.exec(mail.text);
  if (!match) throw new Error(`No code in: ${mail.text}`);
  return `${match[1]} ${match[2]}`;
}
