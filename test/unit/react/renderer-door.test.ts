import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../runtime/core/index';
import { defaultLayouts, type LayoutEntry, type LayoutProps } from '../../../runtime/react/layout/layouts';
import { questionPlan } from '../../../runtime/react/layout/plan';
import { createFormController } from '../../../runtime/react/model/controller';
import type { UiElement } from '../../../runtime/react/model/formModel';
import { defaultRenderers, type ControlProps, type RendererEntry } from '../../../runtime/react/renderers/index';
import { rankWith, scopeEndsWith, uiTypeIs } from '../../../runtime/react/renderers/testers';

/**
 * Issue 15, point 3: renderers and layouts are options of a form, ranked with JSON Forms testers,
 * with no state shared between forms. Two forms of one definition object on one page, one with a
 * host's renderer, must each show their own.
 */

const definition = {
  id: 'renderer-door',
  version: '1.0.0',
  status: 'draft',
  title: 'Renderer door',
  source: { document: 'seeds/x.md' },
  changelog: [],
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name' },
      notes: { type: 'string', title: 'Notes' },
      people: { type: 'array', title: 'People', items: { type: 'object', properties: { who: { type: 'string', title: 'Who' } } } },
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/name' },
      { type: 'Group', label: 'More', elements: [{ type: 'Control', scope: '#/properties/notes' }] },
      { type: 'Control', scope: '#/properties/people' },
      { type: 'Mystery' },
    ],
  },
} as unknown as Definition;
const ui = definition.uischema as unknown as { elements: UiElement[] };
const nameControl = ui.elements[0]!;

function HostName(p: ControlProps) {
  return createElement('output', { id: p.id, 'data-host': 'name' }, `host:${p.label}:${String(p.value ?? '')}`);
}
const hostName: RendererEntry = { name: 'HostName', tester: rankWith(50, scopeEndsWith('name')), renderer: HostName };

function HostGroup(p: LayoutProps) {
  return createElement('div', { 'data-host-layout': p.label }, p.children);
}
const hostGroup: LayoutEntry = { name: 'HostGroup', tester: rankWith(5, uiTypeIs('Group')), renderer: HostGroup };

describe('renderers are an option of each form', () => {
  it('two forms of one definition pick from their own sets, whichever is shown first', () => {
    const text = defaultRenderers[0]!.renderer;
    for (const hostFirst of [true, false]) {
      const make = (host: boolean) => createFormController({ definition, renderers: host ? [hostName, ...defaultRenderers] : undefined });
      const first = make(hostFirst);
      const second = make(!hostFirst);
      // The same UI element object in both: a pick cached by element alone would be shared.
      expect(questionPlan(first, nameControl, '/uischema/elements/0')!.Renderer).toBe(hostFirst ? HostName : text);
      expect(questionPlan(second, nameControl, '/uischema/elements/0')!.Renderer).toBe(hostFirst ? text : HostName);
      first.destroy();
      second.destroy();
    }
  });

  it('reaches the fields of a repeatable group too', () => {
    const who: RendererEntry = { name: 'Who', tester: rankWith(50, scopeEndsWith('who')), renderer: () => null };
    const items = { type: 'object', properties: { who: { type: 'string' } } };
    const field = { type: 'Control', scope: '#/properties/who' };
    const host = createFormController({ definition, renderers: [who, ...defaultRenderers] });
    const plain = createFormController({ definition });
    expect(host.renderers.control(field, items, items)).toBe(who);
    expect(plain.renderers.control(field, items, items)).not.toBe(who);
    host.destroy();
    plain.destroy();
  });

  it('keeps the set it was given: the default set is frozen, and a host array changed later changes nothing', () => {
    expect(Object.isFrozen(defaultRenderers)).toBe(true);
    expect(Object.isFrozen(defaultLayouts)).toBe(true);
    expect(() => (defaultRenderers as RendererEntry[]).unshift(hostName)).toThrow(TypeError);
    const list = [...defaultRenderers];
    const c = createFormController({ definition, renderers: list });
    list.unshift(hostName);
    expect(questionPlan(c, nameControl, '/uischema/elements/0')!.Renderer).not.toBe(HostName);
    c.destroy();
  });

  it('a question no renderer of the set takes gets the visible fallback', () => {
    const c = createFormController({ definition, renderers: [hostName] });
    expect(questionPlan(c, ui.elements[1]!.elements![0]!, '/uischema/elements/1/elements/0')!.Renderer.name).toBe('FallbackControl');
    c.destroy();
  });
});

describe('layouts are an option of each form', () => {
  const root = definition.schema as Record<string, unknown>;
  const [, group, , mystery] = ui.elements;

  it('a host layout ranked above ours lays out its type; ours the rest; two forms apart', () => {
    const host = createFormController({ definition, layouts: [hostGroup, ...defaultLayouts] });
    const plain = createFormController({ definition });
    expect(host.renderers.layout(group!, root)).toBe(hostGroup);
    expect(plain.renderers.layout(group!, root).name).toBe('GroupLayout');
    expect(host.renderers.layout(definition.uischema as unknown as UiElement, root).name).toBe('StackLayout');
    host.destroy();
    plain.destroy();
  });

  it('an element no layout takes gets the visible fallback, with or without the host’s layouts', () => {
    for (const layouts of [undefined, [hostGroup]]) {
      const c = createFormController({ definition, layouts });
      expect(c.renderers.layout(mystery!, root).name).toBe('UnknownLayout');
      expect(c.renderers.layout({ type: 'Label', text: 'x' }, root).name).toBe(layouts ? 'UnknownLayout' : 'Label');
      c.destroy();
    }
  });
});
