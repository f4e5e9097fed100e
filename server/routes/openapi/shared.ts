/** The pieces every route group's description is built from: bodies, the error body, the usual answers. */

/** An answer with a JSON body. */
export const json = (schema: Record<string, unknown>, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A JSON request body, required. */
export const body = (schema: Record<string, unknown>) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** The error body (components.schemas.Problem). */
export const problem = { $ref: '#/components/schemas/Problem' };

/** A route that needs the session cookie. */
export const signedIn = { 401: json(problem, 'Not signed in, or the session has ended') };

/** The error body every failure answers with: a code to act on, a message to show. */
export const sharedSchemas = {
  Problem: {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          requestId: {
            type: 'string',
            description: "On a 500: the request's id (also in X-Request-Id), to quote to the council's help desk.",
          },
        },
      },
    },
  },
};
