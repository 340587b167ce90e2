// The catalogues are imported only by server code: a page gets its language's texts as data.
export { messagesOf } from '@brobygger/i18n';
