/**
 * The Vaadin Flow UI, in the project's own theme ({@code frontend/themes/tablecloud} over Lumo,
 * built by vaadin-maven-plugin into {@code src/main/bundles/prod.bundle}). One sub-package per
 * feature; views stay small and keep their parts in package-private components that tests reach.
 * Views only call session beans of the engine. This package holds what every feature shares (the
 * app shell and the addresses of pages) and depends on none of them, so features never form cycles:
 * a view links to another by its address ({@link dev.tablecloud.web.ui.Links}), not by its class.
 */
package dev.tablecloud.web.ui;
