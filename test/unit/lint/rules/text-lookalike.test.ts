import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, withCode } from '../helpers';

describe('text-lookalike', () => {
  it('reports a Cyrillic о in an option title, as a warning naming it', () => {
    const [problem] = withCode(lintFixture('text-lookalike'), 'text-lookalike');
    expect(problem?.path).toBe('/schema/properties/contact/oneOf/0/title');
    expect(problem?.severity).toBe('warning');
    expect(problem?.params?.characters).toEqual(['U+043E']);
  });

  it('reports a Cyrillic е in a UI label and a Greek Α in a guidance text', () => {
    const problems = lintChanged((d) => {
      d.uischema.elements[1].label = 'Safety qu\u0435stions';
      d.uischema.elements[1].elements[0].text = '\u0391sk these only when the person is alone.';
    });
    expect(withCode(problems, 'text-lookalike').map((p) => [p.path, p.params?.words])).toEqual([
      ['/uischema/elements/1/label', ['qu\u0435stions']],
      ['/uischema/elements/1/elements/0/text', ['\u0391sk']],
    ]);
  });

  it('passes real Welsh, Polish, Russian and Greek text, each word in one script', () => {
    const problems = lintChanged((d) => {
      d.translations = {
        cy: {
          '/schema/properties/harmed/title': 'A oes rhywun wedi eich brifo? Ŵyr, ŷd, dŵr, tŷ, Llŷn, Gŵyl',
          '/uischema/elements/0/label': 'Ynglŷn â’r ymweliad',
        },
        pl: { '/schema/properties/harmed/title': 'Zażółć gęślą jaźń. Czy ktoś cię skrzywdził? Łódź, źdźbło' },
        ru: { '/schema/properties/harmed/title': 'Кто-нибудь причинял вам вред? Возраст ребёнка' },
        el: { '/schema/properties/harmed/title': 'Σας έχει βλάψει κανείς; Βοήθεια, ΟΧΙ, ΝΑΙ' },
      };
      d.schema.properties.visitDate.description = 'Français, Señora, naïve café, Øresund, Straße, Dvořák';
    });
    expect(withCode(problems, 'text-lookalike')).toEqual([]);
  });
});
