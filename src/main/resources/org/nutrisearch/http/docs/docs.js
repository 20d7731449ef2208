// Renders /openapi.json with Swagger UI. A file of its own, not an inline script: the page's
// Content-Security-Policy allows scripts from this service only.
(function () {
  'use strict';
  window.ui = window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // No call to the public validator service: the page talks to this service only.
    validatorUrl: null,
    tryItOutEnabled: true
  });
})();
