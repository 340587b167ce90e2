import { createContext, useContext } from 'react';

/**
 * The Content-Security-Policy nonce of this response. The server renders it into Remix's inline
 * scripts; in the browser it is empty (browsers hide nonces from the page), which is fine,
 * because React does not re-render those scripts after hydration.
 */
const NonceContext = createContext('');

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
