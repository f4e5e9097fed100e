/** The description of the captcha at form start (routes/captcha.ts). */
import { anybody, body, json, refusal } from './shared.ts';

export const captchaApi = {
  paths: {
    '/api/captcha/challenge': {
      get: {
        operationId: 'getCaptchaChallenge',
        tags: ['captcha'],
        summary: 'A new captcha challenge for starting a form (never cached)',
        description:
          'With CAPTCHA=altcha (the default), an ALTCHA proof-of-work challenge for the altcha widget (PBKDF2/SHA-256, signed, valid 10 minutes). With CAPTCHA=off, only the provider.',
        ...anybody,
        responses: {
          200: json({ $ref: '#/components/schemas/CaptchaChallenge' }, 'The challenge', {
            provider: 'altcha',
            parameters: { algorithm: 'PBKDF2/SHA-256', nonce: '9d2f4c1a7b3e', salt: 'b81c0e5f', cost: 5000 },
            signature: 'c3f1e0a97d2b44f6a8e1b0c9d7f3a2e5',
          }),
        },
      },
    },
    '/api/captcha/verify': {
      post: {
        operationId: 'verifyCaptcha',
        tags: ['captcha'],
        summary:
          "Checks the captcha's answer, once only, and gives a proof that the form was started by someone who passed it",
        ...anybody,
        requestBody: body(
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              payload: { description: "The widget's answer: for ALTCHA, the base64 payload of its verified event" },
            },
          },
          { payload: 'eyJhbGdvcml0aG0iOiJQQktERjIvU0hBLTI1NiJ9' },
        ),
        responses: {
          200: json(
            {
              type: 'object',
              required: ['verified', 'token', 'expiresAt'],
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
            {
              verified: true,
              token: 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJmb3JtLXN0YXJ0In0.c2lnbmF0dXJl',
              expiresAt: 1767261600000,
            },
          ),
          400: refusal(
            'The answer is missing, wrong, expired, changed or already used (code captcha-failed)',
            'captcha-failed',
            'The check that you are not a robot did not work: try again',
          ),
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
