package dev.tablecloud.web.apidocs;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /api-docs} and {@code /api-docs/} lead to the page; without this the UI's servlet, mapped
 * to everything, would answer them with its "no such route" page.
 */
@WebServlet(urlPatterns = {"/api-docs", "/api-docs/"})
public class ApiDocsAddress extends HttpServlet {

    public static final String PAGE = "/api-docs/index.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + PAGE);
    }
}
