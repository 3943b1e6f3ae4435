package org.penpals.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than allowed, with a 413 problem: up front when the declared length
 * is too big, and while reading when a chunked body grows past the limit. Multipart uploads are
 * limited by {@code spring.servlet.multipart.*}; CSV bodies get their own, larger limit.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {
  private final long jsonLimit;
  private final long csvLimit;
  private final ProblemWriter problems;

  public RequestBodyLimitFilter(DataSize jsonLimit, DataSize csvLimit, ProblemWriter problems) {
    this.jsonLimit = jsonLimit.toBytes();
    this.csvLimit = csvLimit.toBytes();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    if (contentType != null
        && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
      chain.doFilter(request, response);
      return;
    }
    long limit =
        contentType != null && contentType.toLowerCase().startsWith("text/csv")
            ? csvLimit
            : jsonLimit;
    if (request.getContentLengthLong() > limit) {
      problems.write(request, response, ProblemDetailsAdvice.tooLarge());
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0) {
            count(n);
          }
          return n;
        }

        private void count(int n) throws IOException {
          read += n;
          if (read > limit) {
            throw new BodyTooLargeException(limit);
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
