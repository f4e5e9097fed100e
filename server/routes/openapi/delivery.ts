/**
 * The delivery of each submission to the council's case system (WEBHOOK_URL), sent through the
 * outbox by services/outbox-relay.ts: not a route of the portal but a request it makes, so it is
 * described as an OpenAPI webhook.
 */

const EXAMPLE_KEY = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
  alg: 'ES256',
  use: 'sig',
};

export const deliveryApi = {
  paths: {
    '/api/delivery.schema.json': {
      get: {
        operationId: 'getDeliverySchema',
        tags: ['delivery'],
        security: [],
        summary: "The JSON Schema (2020-12) of a delivery's payload, on its own",
        description:
          'components.schemas.Delivery with what it refers to under $defs, for a validator that does not read this document.',
        responses: {
          200: {
            description: 'The schema',
            content: {
              'application/schema+json': {
                schema: {
                  type: 'object',
                  required: ['$schema'],
                  properties: { $schema: { type: 'string' } },
                  additionalProperties: true,
                },
                example: {
                  $schema: 'https://json-schema.org/draft/2020-12/schema',
                  type: 'object',
                  required: ['submissionId', 'reference'],
                  $defs: {},
                },
              },
            },
          },
        },
      },
    },
    '/.well-known/jwks.json': {
      get: {
        operationId: 'getDeliveryKeys',
        tags: ['delivery'],
        security: [],
        summary: 'The public keys deliveries are signed with',
        description:
          'With WEBHOOK_SIGNING_KEYS set, each delivery is signed with ES256 and its header names the key (kid): the case system checks it with the key of that id here, and needs no secret. A new key is listed before it signs anything, so a case system fetching this list again when it meets an unknown kid always finds it. Empty when deliveries are signed with WEBHOOK_SECRET.',
        responses: {
          200: {
            description: 'The keys, newest first (RFC 7517 JWK Set)',
            content: {
              'application/jwk-set+json': {
                schema: {
                  type: 'object',
                  required: ['keys'],
                  properties: {
                    keys: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['kty', 'crv', 'x', 'y', 'kid', 'alg', 'use'],
                        properties: {
                          kty: { const: 'EC' },
                          crv: { const: 'P-256' },
                          x: { type: 'string' },
                          y: { type: 'string' },
                          kid: { type: 'string', description: "The key's RFC 7638 thumbprint" },
                          alg: { const: 'ES256' },
                          use: { const: 'sig' },
                        },
                      },
                    },
                  },
                },
                example: { keys: [EXAMPLE_KEY] },
              },
            },
          },
        },
      },
    },
  },
  webhooks: {
    submissionDelivery: {
      post: {
        operationId: 'deliverSubmission',
        tags: ['delivery'],
        security: [],
        summary: 'A submitted form, sent to the case system',
        description:
          'Each submitted form, POSTed to WEBHOOK_URL once it is submitted: a compact JWS whose payload is a Delivery, signed with ES256 by the first of WEBHOOK_SIGNING_KEYS (its kid in the header; the public keys at /.well-known/jwks.json) or else with HS256 and WEBHOOK_SECRET. Retried (after 30 seconds, then twice as long each time, up to an hour) until the case system answers 2xx, so it may arrive twice: submissionId tells a repeat.',
        requestBody: {
          required: true,
          content: {
            'application/jose': {
              example:
                'eyJhbGciOiJIUzI1NiIsInR5cCI6ImFzYy1mb3Jtcy1zdWJtaXNzaW9uK2p3cyJ9.eyJyZWZlcmVuY2UiOiJBU0MtN0szRi05UVgyIn0.2xq0Vq7cV3f9mH8YbUz5kQj1pR4sT6wA0dE3nL9gC1o',
              schema: {
                type: 'string',
                contentMediaType: 'application/jose',
                // What the JWS carries once its signature is checked: its payload, decoded.
                contentSchema: { $ref: '#/components/schemas/Delivery' },
                description:
                  'A compact JWS, protected header {"alg":"ES256","kid":"<a key of /.well-known/jwks.json>","typ":"asc-forms-submission+jws"} (or {"alg":"HS256","typ":"asc-forms-submission+jws"} with WEBHOOK_SECRET); its payload is the JSON of components.schemas.Delivery. Check the signature before reading it.',
              },
            },
          },
        },
        responses: {
          '2XX': { description: 'Stored: the portal marks it sent' },
          default: { description: 'Anything else, a redirect or no answer within 15 seconds: tried again later' },
        },
      },
    },
  },
  schemas: {
    Delivery: {
      type: 'object',
      description:
        'The payload of a delivery to the case system. New fields may be added beside these (summary was added so): a reader ignores what it does not know. The fields here keep their meaning.',
      required: ['submissionId', 'reference', 'formId', 'formVersion', 'submittedAt', 'referrer', 'answers', 'summary'],
      properties: {
        submissionId: { type: 'string', format: 'uuid', description: 'The same in a repeat of the delivery' },
        reference: { type: 'string', description: 'What the referrer quotes, like ASC-7K3F-9QX2' },
        formId: { type: 'string' },
        formVersion: { type: 'integer' },
        submittedAt: { type: 'string', format: 'date-time' },
        referrer: {
          type: 'object',
          required: ['forename', 'surname', 'email'],
          properties: { forename: { type: 'string' }, surname: { type: 'string' }, email: { type: 'string' } },
        },
        answers: {
          $ref: '#/components/schemas/Answers',
          description:
            'The machine values (an option is its value, such as "white-irish"), as /api/forms/{formId}/versions/{formVersion}/answers.schema.json has them',
        },
        summary: {
          $ref: '#/components/schemas/AnswersSummary',
          description:
            'The same answers as the referrer read them on check your answers: each page shown, with its title, and each answered question with its label and the answer in words (an option is its label, such as "White: Irish"; sensitive ones hidden)',
        },
      },
    },
  },
};
