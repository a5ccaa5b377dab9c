/**
 * Makes a drawn diagram safe to place beside others in one page: its ids get a prefix of their
 * own and every rule of its `<style>` is confined to the diagram, so neither ids nor styles
 * collide with, or restyle, the page or another diagram.
 */
import * as csstree from 'css-tree';
import { optimize, type CustomPlugin, type XastElement } from 'svgo';

/**
 * The SVG with `id` as its root element's id, every other id (and every `#id` / `url(#id)`
 * reference to it, in attributes and in CSS) prefixed with `id-`, and every selector of its
 * style sheets placed under `#id`: `text {...}` becomes `#id text {...}`, `svg {...}` becomes
 * `#id {...}`; the root takes its drawing's natural size (Mermaid's `width="100%"` and
 * `max-width` go), an id repeated inside it gets a suffix, and a fractional width and height are rounded up to whole pixels. `id` must be
 * unique in the page, e.g. `mapsite-diagram-2`.
 */
export function scopeSvg(svg: string, id: string): string {
	const result = optimize(svg, {
		multipass: false,
		js2svg: { pretty: false },
		plugins: [{ name: 'prefixIds', params: { prefix: id, delim: '-', prefixIds: true, prefixClassNames: false } }, scopeStyles(id), renameRepeatedIds, roundUpSize],
	});
	return result.data;
}

// Runs after prefixIds, so the root's own id (Mermaid names it) already carries the prefix.
function scopeStyles(id: string): CustomPlugin {
	return {
		name: 'scopeStyles',
		fn: (root) => {
			const svgRoot = root.children.find((node): node is XastElement => node.type === 'element' && node.name === 'svg');
			if (svgRoot === undefined) return null;
			const oldId = svgRoot.attributes.id;
			svgRoot.attributes.id = id;
			return {
				element: {
					enter: (node) => {
						if (node.name !== 'style') return;
						for (const child of node.children) {
							if (child.type === 'text' || child.type === 'cdata') child.value = scopeCss(child.value, id, oldId);
						}
					},
				},
			};
		},
	};
}

// Mermaid's mindmap repeats ids inside one drawing (`node_1` on a node and its label); a page
// must not, so each repeat gets a suffix. References already pointed at the first one.
const renameRepeatedIds: CustomPlugin = {
	name: 'renameRepeatedIds',
	fn: () => {
		const seen = new Set<string>();
		return {
			element: {
				enter: (node) => {
					const current = node.attributes.id;
					if (current === undefined) return;
					let unique = current;
					for (let count = 2; seen.has(unique); count++) unique = `${current}-${count}`;
					seen.add(unique);
					node.attributes.id = unique;
				},
			},
		};
	},
};

// Browsers lay out in 1/64 px, so a 580.8958-px wide SVG drew at 0.99998 scale and its 12-px
// text at 11.9998 px; whole pixels, rounded up, keep the scale at 1 or just above.
const roundUpSize: CustomPlugin = {
	name: 'roundUpSize',
	fn: () => ({
		element: {
			enter: (node, parent) => {
				if (node.name !== 'svg' || parent.type !== 'root') return;
				// Mermaid draws `width="100%"` capped by `max-width`, which scales a wide diagram (and
				// its text) down to a phone's column; the drawing's own size lets the page scroll it.
				const box = node.attributes.viewBox?.trim().split(/[\s,]+/).map(Number);
				if (box?.length === 4 && box.every(Number.isFinite) && !/^\d+(\.\d+)?(px)?$/.test(node.attributes.width ?? '')) {
					node.attributes.width = String(box[2]);
					node.attributes.height = String(box[3]);
				}
				if (node.attributes.style !== undefined) {
					const style = node.attributes.style.replace(/(^|;)\s*max-width\s*:[^;]*/gi, '$1').replace(/^[\s;]+|[\s;]+$/g, '');
					if (style === '') delete node.attributes.style;
					else node.attributes.style = style;
				}
				for (const name of ['width', 'height']) {
					const value = node.attributes[name];
					if (value !== undefined && /^\d+(\.\d+)?$/.test(value)) node.attributes[name] = String(Math.ceil(Number(value)));
				}
			},
		},
	}),
};

/**
 * CSS whose every rule applies only inside `#id`. A selector that starts at the root element
 * (`svg` or the root's former id `#rootId`) is rewritten to start at `#id`; any other selector
 * gets `#id ` in front. Keyframe steps are left alone.
 */
export function scopeCss(css: string, id: string, rootId?: string): string {
	const ast = csstree.parse(css);
	csstree.walk(ast, {
		visit: 'Rule',
		enter(rule) {
			if (this.atrule !== null && /keyframes$/i.test(this.atrule.name)) return;
			if (rule.prelude.type !== 'SelectorList') return;
			rule.prelude.children.forEach((selector) => {
				if (selector.type !== 'Selector') return;
				const first = selector.children.first;
				const scope: csstree.IdSelector = { type: 'IdSelector', name: id };
				const isRoot =
					(first?.type === 'TypeSelector' && first.name.toLowerCase() === 'svg') ||
					(first?.type === 'IdSelector' && (first.name === rootId || first.name === id));
				if (isRoot && first !== null) {
					selector.children.shift();
					selector.children.prepend(selector.children.createItem(scope));
				} else {
					selector.children.prepend(selector.children.createItem({ type: 'Combinator', name: ' ' }));
					selector.children.prepend(selector.children.createItem(scope));
				}
			});
		},
	});
	return csstree.generate(ast);
}
