// Jest stand-in for lightning/navigation: records navigations so tests can assert them.
export const CurrentPageReference = jest.fn();

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const navigate = jest.fn();
export const generateUrl = jest.fn(() => Promise.resolve('/lightning/r/Account/001/view'));

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      navigate(pageReference, replace);
    }
    [GenerateUrl](pageReference) {
      return generateUrl(pageReference);
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
