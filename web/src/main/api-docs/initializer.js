// The API page: Swagger UI over the document the server generates. "Authorize" takes a user's name
// and password (HTTP Basic) or a personal API token (Bearer); "Try it out" then calls the API as them.
window.addEventListener("load", () => {
    window.ui = SwaggerUIBundle({
        url: "/openapi?format=JSON",
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: "StandaloneLayout"
    });
});
