/**
 * Stand-in for `lightning/platformShowToastEvent`. The event is the platform's
 * (`lightning__showtoast`, bubbling and composed); the workbench app shell listens for it on the
 * document and shows the toast (workbench/src/app/toasts.ts).
 */

export interface ToastMessageLink {
  url: string;
  label: string;
}

export interface ShowToastConfig {
  title?: string;
  message?: string;
  messageData?: (string | ToastMessageLink)[];
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ShowToastConfig> {
  constructor(config: ShowToastConfig) {
    super(SHOW_TOAST_EVENT_NAME, { bubbles: true, composed: true, cancelable: true, detail: config });
  }
}
