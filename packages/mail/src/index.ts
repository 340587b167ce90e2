import nodemailer from 'nodemailer';

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void> };

/**
 * Outgoing mail through nodemailer when SMTP_URL is set; otherwise each message is written to
 * the server log, which is how invitation links reach you in local development.
 */
export function createMailer(opts: {
  smtpUrl?: string | undefined;
  from: string;
  log: (message: string, fields: Record<string, unknown>) => void;
}): Mailer {
  if (!opts.smtpUrl) {
    return {
      async send(mail) {
        opts.log('mail (not sent: SMTP_URL is not set)', { ...mail });
      },
    };
  }
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: opts.from, ...mail });
      opts.log('mail sent', { to: mail.to, subject: mail.subject });
    },
  };
}
