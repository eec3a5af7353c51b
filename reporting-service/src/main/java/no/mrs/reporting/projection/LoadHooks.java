package no.mrs.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Points in a background load of the read model ({@link ReadModels#loadInBackground()}), called on the loading
 * thread. They do nothing here; tests replace this bean to hold a load open at either point.
 */
@ApplicationScoped
public class LoadHooks {

    /** The model's current content is loaded and about to answer reads (its history is not yet installed). */
    public void currentLoaded() {
    }

    /** The history is loaded and about to be installed in the model. */
    public void historyLoaded() {
    }
}
