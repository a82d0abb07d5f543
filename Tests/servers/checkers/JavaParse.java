import com.sun.source.util.JavacTask;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Parses Java files with javac's own parser, without resolving imports: the
 * generated server needs stripe-java, which cannot be fetched here, so a
 * parse is the strongest check available. Exits 1 on any syntax error.
 */
public final class JavaParse {
  public static void main(String[] files) throws Exception {
    var compiler = ToolProvider.getSystemJavaCompiler();
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    try (var fileManager = compiler.getStandardFileManager(diagnostics, null, null)) {
      var units = fileManager.getJavaFileObjectsFromStrings(List.of(files));
      var task = (JavacTask) compiler.getTask(null, fileManager, diagnostics, List.of(), null, units);
      task.parse();
    }
    boolean failed = false;
    for (var diagnostic : diagnostics.getDiagnostics()) {
      System.err.println(diagnostic);
      failed |= diagnostic.getKind() == Diagnostic.Kind.ERROR;
    }
    System.exit(failed ? 1 : 0);
  }
}
