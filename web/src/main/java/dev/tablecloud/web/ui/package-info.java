/**
 * The Vaadin Flow UI (Lumo theme, no custom frontend, so the pre-built production bundle serves
 * it). One sub-package per feature; views stay small and keep their parts in package-private
 * components that tests can reach. Views only call session beans of the engine.
 */
package dev.tablecloud.web.ui;
