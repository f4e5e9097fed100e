/** The description of the captcha at form start (routes/captcha.ts). */
import { body, json, problem } from './shared.ts';

export const captchaApi = {
  paths: {
    '/api/captcha/challenge': {
      get: {
        summary: 'A new captcha challenge for starting a form (never cached)',
        description:
          'With CAPTCHA=altcha (the default), an ALTCHA proof-of-work challenge for the altcha widget (PBKDF2/SHA-256, signed, valid 10 minutes). With CAPTCHA=off, only the provider.',
        responses: { 200: json({ $ref: '#/components/schemas/CaptchaChallenge' }, 'The challenge') },
      },
    },
    '/api/captcha/verify': {
      post: {
        summary:
          "Checks the captcha's answer, once only, and gives a proof that the form was started by someone who passed it",
        requestBody: body({
          type: 'object',
          additionalProperties: false,
          properties: {
            payload: { description: "The widget's answer: for ALTCHA, the base64 payload of its verified event" },
          },
        }),
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                verified: { const: true },
                token: {
                  type: 'string',
                  description: 'A JWT (HS256, audience form-start) to send when the form is started',
                },
                expiresAt: { type: 'integer', description: 'When the token stops working (milliseconds since 1970)' },
              },
            },
            'The answer is good',
          ),
          400: json(problem, 'The answer is missing, wrong, expired, changed or already used (code captcha-failed)'),
        },
      },
    },
  },
  schemas: {
    CaptchaChallenge: {
      type: 'object',
      required: ['provider'],
      properties: {
        provider: { type: 'string', description: 'Which widget to show: altcha, or off (no check)' },
        parameters: { type: 'object', description: 'ALTCHA: the challenge parameters' },
        signature: { type: 'string', description: "ALTCHA: the server's signature of the parameters" },
      },
    },
  },
};
