/**
 * uvu's suite, except that a set-up (`before`) that throws says why. uvu counts the suite's tests
 * as not passed but prints nothing about the cause, which leaves a broken set-up a mystery.
 */
import { suite as uvuSuite, type Test } from 'uvu';

export function suite(name: string): Test {
  const test = uvuSuite(name);
  const register = test.before;
  const loud =
    (hook: Parameters<typeof register>[0]): Parameters<typeof register>[0] =>
    async (context) => {
      try {
        await hook(context);
      } catch (error) {
        console.error(`\n  The set-up of "${name}" failed, so none of its tests ran:\n`, error);
        throw error;
      }
    };
  test.before = Object.assign((hook: Parameters<typeof register>[0]) => register(loud(hook)), { each: register.each });
  return test;
}
