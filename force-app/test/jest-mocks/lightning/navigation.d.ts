// Types of the Jest stand-in for lightning/navigation (navigation.js beside this file).
export { NavigationMixin, CurrentPageReference } from 'lightning/navigation';

/** Every `[NavigationMixin.Navigate](pageReference, replace)` call, for assertions. */
export const navigate: jest.Mock<void, [unknown, boolean | undefined]>;
export const generateUrl: jest.Mock<Promise<string>, [unknown]>;
