package dev.samokoder.api;

import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.services.preview.Preview;
import dev.samokoder.services.preview.PreviewLauncher;
import java.net.URI;

/** The samples' previews run nowhere: the API's answers about them are what the samples check. */
final class SampleLauncher implements PreviewLauncher {

    @Override
    public void start(Preview preview, RunRequest request, String probePath) {
    }

    @Override
    public void stop(String previewId, String reason) {
    }

    @Override
    public Observation observe(Preview preview) {
        return Observation.NOTHING;
    }

    @Override
    public URI origin(String projectId) {
        return URI.create("https://" + projectId.replace('_', '-') + ".preview.example.test");
    }
}
