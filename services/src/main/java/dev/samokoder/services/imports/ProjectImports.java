package dev.samokoder.services.imports;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.storage.FileIndexRepository;
import dev.samokoder.services.projects.ProjectService;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a project from code that exists already: the archive is read and checked whole first ({@link ZipImport}),
 * so a refused import writes nothing; then the project is made and its files written as the file index and blobs,
 * like any project's.
 */
public final class ProjectImports {

    private static final Logger log = LoggerFactory.getLogger(ProjectImports.class);

    /** The new project, how many files it got, and what of the archive was left out, each with why. */
    public record Imported(Project project, int files, int binaryFiles, List<String> skipped) {
    }

    private final ProjectService projects;
    private final FileIndexRepository files;
    private final BlobStore blobs;
    private final ZipImport.Limits limits;

    public ProjectImports(ProjectService projects, FileIndexRepository files, BlobStore blobs, ZipImport.Limits limits) {
        this.projects = projects;
        this.files = files;
        this.blobs = blobs;
        this.limits = limits;
    }

    /** @throws ImportRefusedException with the reason, before anything is written */
    public Imported fromZip(String ownerId, String name, String description, byte[] zip) {
        ZipImport.Contents contents = ZipImport.read(zip, limits);
        Project project = projects.create(ownerId, name, description, ProjectSettings.defaults());
        int binary = 0;
        for (ZipImport.ImportedFile file : contents.files()) {
            files.create(project.id(), file.path(), blobs.put(file.content()), Optional.empty());
            binary += file.binary() ? 1 : 0;
        }
        log.info("project {} imported from a zip: {} files ({} binary), {} entries left out", project.id(), contents.files().size(),
                binary, contents.skipped().size());
        return new Imported(project, contents.files().size(), binary, contents.skipped());
    }
}
