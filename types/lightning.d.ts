// Brings in the @salesforce/lightning-types declarations for lightning/* and @salesforce/* modules.
import '@salesforce/lightning-types';
