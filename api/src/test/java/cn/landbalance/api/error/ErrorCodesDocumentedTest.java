package cn.landbalance.api.error;

import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/errors.md lists every code with the status it really gets. */
class ErrorCodesDocumentedTest {
    @Test
    void everyCodeIsDocumentedWithItsStatus() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "errors.md"));
        for (ErrorCode code : ErrorCode.values()) {
            String row = "| `" + code.name() + "` | " + ProblemStatus.of(code).getCode() + " |";
            assertTrue(doc.contains(row), "docs/errors.md lacks or mis-states: " + row);
            assertTrue(doc.contains(code.messageZh()), "docs/errors.md lacks the Chinese message of " + code);
        }
    }
}
