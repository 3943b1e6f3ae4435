package org.penpals.messaging.mail.adapter.out.template;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.penpals.messaging.mail.application.MailTemplates;
import org.penpals.messaging.mail.domain.MailContent;
import org.penpals.messaging.mail.domain.MailKind;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Mail templates with Thymeleaf: {@code templates/mail/<kind>.html} (HTML mode: every value is
 * escaped), {@code <kind>.txt} (plain text) and {@code <kind>.subject.txt}, with messages from
 * {@code mail/messages_<lang>.properties} (en, es, fr). Prompt and announcement bodies are
 * Markdown, rendered by commonmark with raw HTML escaped and unsafe links removed (HTML part), or
 * as plain text (announcements' text part).
 */
public class ThymeleafMailTemplates implements MailTemplates {
  public static final List<String> LANGUAGES = List.of("en", "es", "fr");
  private static final String BUNDLE = "mail/messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
  private final Markdown markdown = new Markdown();

  @Override
  public String language(String localeTag) {
    String language = Locale.forLanguageTag(localeTag.replace('_', '-')).getLanguage();
    return LANGUAGES.contains(language) ? language : "en";
  }

  @Override
  public MailContent render(MailKind kind, String language, Map<String, Object> model) {
    Locale locale = Locale.forLanguageTag(language(language));
    Context context = new Context(locale, model);
    context.setVariable("md", markdown);
    // the kind's own words (message keys), where kinds share a template: introduction, newpartner
    context.setVariable("words", kind.name().toLowerCase(Locale.ROOT).replace("_", ""));
    String subject =
        text.process(kind.template() + ".subject", context).replaceAll("\\s+", " ").strip();
    return new MailContent(
        subject, text.process(kind.template(), context), html.process(kind.template(), context));
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new BundleMessages());
    return engine;
  }

  /**
   * Markdown to safe HTML, for {@code th:utext="${md.html(...)}"}, and to plain text, for {@code
   * [(${md.text(...)})]}.
   */
  public static final class Markdown {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
        HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final TextContentRenderer plain = TextContentRenderer.builder().build();

    public String html(String markdown) {
      return renderer.render(parser.parse(markdown));
    }

    /** The text without Markdown syntax (links as {@code "text" (address)}), for text parts. */
    public String text(String markdown) {
      return plain.render(parser.parse(markdown));
    }
  }

  /** Messages from one bundle per language; a missing key shows as {@code ??key_lang??}. */
  static final class BundleMessages implements IMessageResolver {
    @Override
    public String getName() {
      return "penpals-mail-messages";
    }

    @Override
    public Integer getOrder() {
      return 0;
    }

    @Override
    public String resolveMessage(
        ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      Locale locale = context.getLocale();
      try {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
        return new MessageFormat(pattern, locale)
            .format(parameters == null ? new Object[0] : parameters);
      } catch (MissingResourceException e) {
        return null;
      }
    }

    @Override
    public String createAbsentMessageRepresentation(
        ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      return "??" + key + "_" + context.getLocale().getLanguage() + "??";
    }
  }
}
