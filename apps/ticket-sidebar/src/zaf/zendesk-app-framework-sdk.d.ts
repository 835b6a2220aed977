declare module 'zendesk_app_framework_sdk' {
  const ZAFClient: { init(callback?: (context: unknown) => void): object | false };
  export default ZAFClient;
}
