package dev.samokoder.services.llmkeys;

import dev.samokoder.core.storage.Keys;

/**
 * Whose stored key it is: a user's own (used for all their projects) or a project's override
 * (used for that project's runs before the owner's own key).
 *
 * @param partition the owner's partition in the table, also bound into the ciphertext
 */
public record LlmKeyOwner(String partition) {

    public static LlmKeyOwner user(String userId) {
        return new LlmKeyOwner(Keys.userPartition(userId));
    }

    public static LlmKeyOwner project(String projectId) {
        return new LlmKeyOwner(Keys.projectPartition(projectId));
    }
}
