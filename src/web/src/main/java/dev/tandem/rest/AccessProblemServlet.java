package dev.tandem.rest;

import dev.tandem.api.json.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's refusals as problem documents: web.xml sends its 401 (no or wrong credentials) and
 * 403 (a role that is not enough) here, as error pages, so that no caller sees the server's HTML. The
 * container keeps its own {@code WWW-Authenticate} challenge on the 401.
 */
@WebServlet("/access-problem")
public class AccessProblemServlet extends HttpServlet {

    private static Problem refusal(int status, String path) {
        Problem problem = status == HttpServletResponse.SC_UNAUTHORIZED
                ? Problem.of(status, "unauthenticated", "Sign-in required")
                        .detail("Send the credentials of a Tandem user (HTTP Basic); docs/security.md says where they are.")
                : Problem.of(status, "forbidden", "Not allowed for your role")
                        .detail("Your roles do not allow this request; docs/security.md lists what each role may do.");
        return path == null ? problem : problem.instance(path);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problem problem = refusal(status instanceof Integer code ? code : HttpServletResponse.SC_FORBIDDEN,
                path == null ? null : path.toString());
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson().toString());
    }
}
