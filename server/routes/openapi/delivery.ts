/**
 * The delivery of each submission to the council's case system (WEBHOOK_URL), sent through the
 * outbox by services/outbox-relay.ts: not a route of the portal but a request it makes, so it is
 * described as an OpenAPI webhook.
 */

export const deliveryApi = {
  webhooks: {
    submissionDelivery: {
      post: {
        operationId: 'deliverSubmission',
        tags: ['delivery'],
        security: [],
        summary: 'A submitted form, sent to the case system',
        description:
          'Each submitted form, POSTed to WEBHOOK_URL once it is submitted: a compact JWS (HS256, signed with WEBHOOK_SECRET) whose payload is a Delivery. Retried (after 30 seconds, then twice as long each time, up to an hour) until the case system answers 2xx, so it may arrive twice: submissionId tells a repeat.',
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
                  'A compact JWS, protected header {"alg":"HS256","typ":"asc-forms-submission+jws"}; its payload is the JSON of components.schemas.Delivery. Check the signature before reading it.',
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
