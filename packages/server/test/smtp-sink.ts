// A real SMTP server for tests (smtp-server on 127.0.0.1, a free port): every message it
// accepts is kept raw and parsed with mailparser, as a mail client would read it.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A running SMTP server that keeps what it receives. */
export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>` */
  readonly url: string;
  /** Every message received so far, parsed, in the order they arrived. */
  readonly messages: ParsedMail[];
  /** Waits until at least `count` messages arrived (or fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Refuses (with `code`, e.g. 451 or 550) the next `times` messages. */
  refuseNext(times: number, code: number): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiters: { count: number; done: () => void }[] = [];
  let refusals: { times: number; code: number } = { times: 0, code: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals.times > 0) {
          refusals = { ...refusals, times: refusals.times - 1 };
          callback(
            Object.assign(new Error('refused by the test'), { responseCode: refusals.code }),
          );
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            messages.push(parsed);
            for (const waiter of [...waiters]) {
              if (messages.length >= waiter.count) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.done();
              }
            }
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error('parse')));
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(count, timeoutMs = 20_000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((done, fail) => {
        const timer = setTimeout(() => {
          fail(new Error(`only ${messages.length} of ${count} messages arrived`));
        }, timeoutMs);
        waiters.push({
          count,
          done: () => {
            clearTimeout(timer);
            done(messages);
          },
        });
      });
    },
    refuseNext(times, code) {
      refusals = { times, code };
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
