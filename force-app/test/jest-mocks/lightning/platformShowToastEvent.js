// Jest stand-in for lightning/platformShowToastEvent: a plain CustomEvent tests can listen for.
export const ShowToastEvent = class extends CustomEvent {
  constructor(detail) {
    super('lightning__showtoast', { composed: true, cancelable: true, bubbles: true, detail });
  }
};
