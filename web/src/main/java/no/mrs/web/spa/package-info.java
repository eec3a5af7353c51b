/** The front end's pages: built by Vite from {@code src/main/webapp} into {@code META-INF/resources}. */
package no.mrs.web.spa;
