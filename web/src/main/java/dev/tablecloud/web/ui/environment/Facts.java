package dev.tablecloud.web.ui.environment;

import dev.tablecloud.web.ui.Times;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;

import java.time.Instant;

/** A list of labelled facts (a {@code <dl>}): what each overview card shows. */
class Facts extends Component {


    Facts() {
        super(new Element("dl"));
        addClassName("tc-facts");
    }

    Facts clear() {
        getElement().removeAllChildren();
        return this;
    }

    Facts fact(String label, String value) {
        return fact(label, new Span(value == null || value.isBlank() ? "—" : value));
    }

    Facts fact(String label, Component value) {
        Element term = new Element("dt");
        term.setText(label);
        Element description = new Element("dd");
        description.appendChild(value.getElement());
        getElement().appendChild(term, description);
        return this;
    }

    static String time(Instant at) {
        return Times.of(at);
    }

}
