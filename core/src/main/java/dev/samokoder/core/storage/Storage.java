package dev.samokoder.core.storage;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.config.SamokoderConfig;
import java.time.Clock;

/** The storage layer wired to one set of clients: what a handler's no-argument constructor builds. */
public record Storage(SingleTable table, UserRepository users, ProjectRepository projects,
                      FileIndexRepository files, BlobStore blobs) {

    public static Storage create(AwsClients clients, SamokoderConfig config, Clock clock) {
        var dynamoDb = clients.dynamoDb();
        SingleTable table = new SingleTable(dynamoDb, config.aws().tableName());
        return new Storage(table,
                new UserRepository(table, clock),
                new ProjectRepository(dynamoDb, table, clock),
                new FileIndexRepository(dynamoDb, table, clock),
                new BlobStore(clients.s3(), config.aws().bucketName(), config.limits().maxBlobBytes()));
    }
}
