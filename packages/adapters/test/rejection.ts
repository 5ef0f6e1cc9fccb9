/**
 * What a promise is rejected with; fails the test when it resolves. Shared by the storage
 * contract tests (`expect(await rejection(store.write(bad))).toBeInstanceOf(ValidationError)`).
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
