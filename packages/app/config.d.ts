export interface Config {
  app: {
    /**
     * The sign-in page the portal shows. Unset: guest sign-in (the embedded defaults), or
     * Microsoft Entra ID when `auth.environment` is `production`. `oauth2Proxy`: the portal sits
     * behind oauth2-proxy, which signs people in and forwards who they are
     * (`auth.providers.oauth2Proxy` in the backend; the e2e suite sets these headers itself,
     * see e2e/app-config.e2e.yaml).
     * @visibility frontend
     */
    signIn?: 'oauth2Proxy';
  };
}
