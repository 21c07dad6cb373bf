import { describe, expect, it } from 'vitest';
import { html, inlineText, joinHtml, raw, scriptJson, textHtml, type HtmlValue } from '../src/html/safe-html.js';

describe('the html template', () => {
  it('escapes a plain string, in attributes and in content alike', () => {
    const value = `"><script>alert('x')</script>&amp;`;
    expect(html`<p title="${value}">${value}</p>`.toString()).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;</p>',
    );
  });

  it('shows control characters of a plain string as [U+…], the direction marks included', () => {
    expect(html`<i title="${'a\u202Eb\u061Cc\u200Ed\u200Fe\u009Bf'}"></i>`.toString()).toBe('<i title="a[U+202E]b[U+061C]c[U+200E]d[U+200F]e[U+009B]f"></i>');
  });

  it('passes SafeHtml through as it is, and nothing else', () => {
    expect(html`<p>${html`<b>bold</b>`} ${raw('<br>')}</p>`.toString()).toBe('<p><b>bold</b> <br></p>');
    // Something that merely looks like markup, or like a SafeHtml, is text.
    const lookalike = { markup: '<b>x</b>', toString: () => '<b>x</b>' };
    // @ts-expect-error an object of the same shape is not SafeHtml
    expect(html`<p>${lookalike}</p>`.toString()).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
    expect(html`<p>${'<b>x</b>'}</p>`.toString()).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
  });

  it('writes numbers, and joins lists with each item escaped unless SafeHtml', () => {
    const items: HtmlValue[] = ['<a>', html`<br>`, 42, ['&', html`<hr>`]];
    expect(html`${items}`.toString()).toBe('&lt;a&gt;<br>42&amp;<hr>');
    expect(joinHtml(['<a>', html`<b>`, 3], ' · ').toString()).toBe('&lt;a&gt; · <b> · 3');
    expect(joinHtml([html`<i>`, html`<i>`], '<sep>').toString()).toBe('<i>&lt;sep&gt;<i>');
    expect(joinHtml([], ', ').toString()).toBe('');
  });

  it('accepts no booleans, null or undefined, which would print as words', () => {
    const maybe = (flag: boolean) => html`<p>${flag ? html`<b>yes</b>` : ''}</p>`;
    expect(maybe(true).toString()).toBe('<p><b>yes</b></p>');
    expect(maybe(false).toString()).toBe('<p></p>');
    // @ts-expect-error a boolean is not a value of a page
    expect(html`${true}`.toString()).toBe('true');
    // @ts-expect-error nor is undefined
    expect(html`${undefined}`.toString()).toBe('undefined');
  });
});

describe('the escaping helpers that make SafeHtml', () => {
  it('shows control characters in content as marked spans', () => {
    expect(textHtml('a<\u200Fb').toString()).toBe('a&lt;<span class="ctl" title="RIGHT-TO-LEFT MARK (U+200F), shown instead of applied">U+200F</span>b');
  });

  it('isolates inline text, so that right-to-left text cannot reorder its neighbours', () => {
    expect(inlineText('<i>').toString()).toBe('<bdi>&lt;i&gt;</bdi>');
  });

  it('writes JSON that cannot end its script block, with every control character escaped', () => {
    const json = scriptJson({ a: '</script><!--', b: 'x\u009B\u061Cy' }).toString();
    expect(json).toBe('{"a":"\\u003c/script\\u003e\\u003c!--","b":"x\\u009b\\u061cy"}');
    expect(JSON.parse(json)).toEqual({ a: '</script><!--', b: 'x\u009B\u061Cy' });
  });
});
