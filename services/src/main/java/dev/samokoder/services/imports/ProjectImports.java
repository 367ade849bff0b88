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
    private final ImportUploads uploads;

    /** @param limits of an archive in the request; an upload's archive may be as large as its own limit */
    public ProjectImports(ProjectService projects, FileIndexRepository files, BlobStore blobs, ZipImport.Limits limits,
                          ImportUploads uploads) {
        this.projects = projects;
        this.files = files;
        this.blobs = blobs;
        this.limits = limits;
        this.uploads = uploads;
    }

    /** Where to upload an archive too large for a request. */
    public ImportUploads.Upload upload(String ownerId) {
        return uploads.create(ownerId);
    }

    /**
     * A project from the caller's uploaded archive (taken: an upload is imported once).
     *
     * @throws UploadNotFoundException when the caller has no such upload
     * @throws ImportRefusedException with the reason, before anything is written
     */
    public Imported fromUpload(String ownerId, String uploadId, String name, String description) {
        byte[] zip = uploads.take(ownerId, uploadId);
        return fromZip(ownerId, name, description, zip, new ZipImport.Limits(zip.length, limits.maxFiles(), limits.maxFileBytes(),
                limits.maxTotalBytes()));
    }

    /** @throws ImportRefusedException with the reason, before anything is written */
    public Imported fromZip(String ownerId, String name, String description, byte[] zip) {
        return fromZip(ownerId, name, description, zip, limits);
    }

    private Imported fromZip(String ownerId, String name, String description, byte[] zip, ZipImport.Limits archiveLimits) {
        ZipImport.Contents contents = ZipImport.read(zip, archiveLimits);
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
