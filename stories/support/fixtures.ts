/**
 * The stories' data: the elements' own test fixtures (every object parsed with its contract
 * schema) and their in-memory client and live store, so stories and unit tests show the same,
 * schema-valid sessions. Only this file reaches into the package's test folder.
 */
export * from '../../packages/elements/src/test/fixtures.js';
export { apiError, fakeClient, type FakeClientData } from '../../packages/elements/src/test/fake-client.js';
export { FakeLiveStore } from '../../packages/elements/src/test/fake-store.js';
export { fakeFollow, type FakeFollow } from '../../packages/elements/src/test/fake-follow.js';
